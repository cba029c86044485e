/** Slowing down password guessing: how long to wait after how many consecutive failures. */
package dev.accounts.domain.throttle;
