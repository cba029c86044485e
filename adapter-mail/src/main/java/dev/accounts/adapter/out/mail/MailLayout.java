package dev.accounts.adapter.out.mail;

import dev.accounts.adapter.out.mail.MailContent.Action;
import dev.accounts.adapter.out.mail.MailContent.Block;
import dev.accounts.adapter.out.mail.MailContent.Paragraph;
import java.net.URI;

/**
 * Frames a message's blocks as plain text and as HTML, with the product's name and address in the footer.
 * The HTML is self-contained: inline styles, no images, fonts or style sheets to fetch, so it looks the same
 * when a mail client blocks remote content. Every value is escaped here.
 */
final class MailLayout {

    static final String PRODUCT = "Accounts";

    private static final String PARAGRAPH_STYLE = "margin:0 0 16px;font-size:16px;line-height:1.5;";
    private static final String BUTTON_ROW_STYLE = "margin:0 0 16px;";
    private static final String BUTTON_STYLE = "display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;"
            + "font-size:16px;font-weight:600;text-decoration:none;border-radius:6px;";
    private static final String FALLBACK_STYLE = "margin:0 0 16px;font-size:13px;line-height:1.5;color:#374151;";
    private static final String FALLBACK_LINK_STYLE = "color:#1d4ed8;word-break:break-all;";
    private static final String FOOTER_STYLE = "margin:24px 0 0;font-size:13px;line-height:1.5;color:#6b7280;";

    private final String home;

    MailLayout(URI home) {
        this.home = home.toString();
    }

    RenderedMail render(MailContent content) {
        return new RenderedMail(content.subject(), text(content), html(content));
    }

    private String text(MailContent content) {
        StringBuilder text = new StringBuilder();
        for (Block block : content.blocks()) {
            switch (block) {
                case Paragraph paragraph -> text.append(paragraph.text());
                case Action action -> text.append(action.sentence()).append(": ").append(action.link());
            }
            text.append("\n\n");
        }
        // "-- " on its own line is the signature separator mail clients recognise.
        return text.append("-- \n").append(PRODUCT).append(" · ").append(home).append('\n').toString();
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
        for (Block block : content.blocks()) {
            switch (block) {
                case Paragraph paragraph -> paragraph(html, PARAGRAPH_STYLE, escape(paragraph.text()));
                case Action action -> action(html, action);
            }
        }
        paragraph(html, FOOTER_STYLE, escape(PRODUCT) + " · " + anchor(home, "color:#6b7280;", home));
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    /** The sentence, a button, and the link written out for clients that do not show the button. */
    private static void action(StringBuilder html, Action action) {
        String link = action.link().toString();
        paragraph(html, PARAGRAPH_STYLE, escape(action.sentence()) + ":");
        paragraph(html, BUTTON_ROW_STYLE, anchor(link, BUTTON_STYLE, action.button()));
        paragraph(html, FALLBACK_STYLE, "If the button does not work, open this link: " + anchor(link, FALLBACK_LINK_STYLE, link));
    }

    private static void paragraph(StringBuilder html, String style, String escapedContent) {
        html.append("<p style=\"").append(style).append("\">").append(escapedContent).append("</p>\n");
    }

    private static String anchor(String href, String style, String label) {
        return "<a href=\"" + escape(href) + "\" style=\"" + style + "\">" + escape(label) + "</a>";
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
