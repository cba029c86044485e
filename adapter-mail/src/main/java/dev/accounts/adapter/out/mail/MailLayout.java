package dev.accounts.adapter.out.mail;

import java.net.URI;

/**
 * Frames a message's paragraphs as plain text and as HTML, with the product's name and address in the footer.
 * The HTML is self-contained: inline styles, no images, fonts or style sheets to fetch, so it looks the same
 * when a mail client blocks remote content. Every value is escaped here.
 */
final class MailLayout {

    static final String PRODUCT = "Accounts";

    private static final String PARAGRAPH_STYLE = "margin:0 0 16px;font-size:16px;line-height:1.5;";
    private static final String FOOTER_STYLE = "margin:24px 0 0;font-size:13px;line-height:1.5;color:#6b7280;";

    private final String publicUrl;

    MailLayout(URI publicUrl) {
        this.publicUrl = publicUrl.toString();
    }

    RenderedMail render(MailContent content) {
        return new RenderedMail(content.subject(), text(content), html(content));
    }

    private String text(MailContent content) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : content.paragraphs()) {
            text.append(paragraph).append("\n\n");
        }
        // "-- " on its own line is the signature separator mail clients recognise.
        return text.append("-- \n").append(PRODUCT).append(" · ").append(publicUrl).append('\n').toString();
    }

    private String html(MailContent content) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(content.subject())).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:24px;background:#f3f4f6;color:#111827;")
                .append("font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">\n")
                .append("<div style=\"max-width:560px;margin:0 auto;padding:32px;background:#ffffff;border-radius:8px;\">\n")
                .append("<h1 style=\"margin:0 0 24px;font-size:20px;\">").append(escape(PRODUCT)).append("</h1>\n");
        for (String paragraph : content.paragraphs()) {
            html.append("<p style=\"").append(PARAGRAPH_STYLE).append("\">").append(escape(paragraph)).append("</p>\n");
        }
        return html.append("<p style=\"").append(FOOTER_STYLE).append("\">").append(escape(PRODUCT)).append(" · ")
                .append("<a href=\"").append(escape(publicUrl)).append("\" style=\"color:#6b7280;\">")
                .append(escape(publicUrl)).append("</a></p>\n</div>\n</body>\n</html>\n")
                .toString();
    }

    /** Escapes text for both element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
