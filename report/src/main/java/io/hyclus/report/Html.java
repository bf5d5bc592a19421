package io.hyclus.report;

/** Small HTML helpers: escaping and a string builder that appends escaped text. */
final class Html {
    private final StringBuilder sb = new StringBuilder(1 << 20);

    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                default -> o.append(ch);
            }
        }
        return o.toString();
    }

    /** Appends markup as is. */
    Html raw(String s) {
        sb.append(s);
        return this;
    }

    /** Appends text, escaped. */
    Html text(String s) {
        sb.append(esc(s));
        return this;
    }

    /** {@code <tag>text</tag>}, text escaped. */
    Html el(String tag, String text) {
        sb.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
