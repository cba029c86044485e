# Sourced by run.sh, test.sh and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if already >= 21, the `java` on PATH, then any JDK under /usr/lib/jvm (newest first).
# On Debian/Ubuntu without one, install e.g. `apt-get install openjdk-21-jdk-headless` or a Temurin 21+.

java_major() { # prints the feature version of the java binary given, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1 | grep -E '^[0-9]+$' || echo 0
}

select_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  echo "Accounts needs a JDK 21 or newer and found none (checked JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME." >&2
  return 1
}

select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "Accounts builds with Apache Maven 3.8.1+ and 'mvn' is not on PATH (Debian: apt-get install maven)." >&2
  exit 1
fi
# Maven 3.8/3.9 ship a Guava that pokes sun.misc.Unsafe; JDK 24+ warns about it on every run.
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
