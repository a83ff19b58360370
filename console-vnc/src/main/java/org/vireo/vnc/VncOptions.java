package org.vireo.vnc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Session settings.
 *
 * @param password     asked for only if the server requires a password (VNC authentication, VeNCrypt Plain);
 *                     may return null
 * @param username     asked for only if the server requires VeNCrypt Plain or XVP authentication; may return null
 * @param xvpTarget    the machine XVP authentication (security type 22) names; asked for only then, may return null
 * @param tlsTrust     how a VeNCrypt X509 server certificate is verified
 * @param shared       ClientInit shared flag: leave other viewers connected
 * @param encodings    pixel encodings in order of preference
 * @param pseudoEncodings pseudo-encodings to announce
 * @param jpegQuality  0-9 to allow Tight JPEG (lossy), or -1 for lossless only
 * @param compressLevel 0-9, or -1 for the server default
 */
public record VncOptions(Supplier<char[]> password, Supplier<String> username, Supplier<String> xvpTarget,
                         TlsTrust tlsTrust, boolean shared,
                         List<Integer> encodings, List<Integer> pseudoEncodings, int jpegQuality, int compressLevel) {

    public VncOptions {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(xvpTarget, "xvpTarget");
        Objects.requireNonNull(tlsTrust, "tlsTrust");
        Objects.requireNonNull(encodings, "encodings");
        Objects.requireNonNull(pseudoEncodings, "pseudoEncodings");
        encodings = List.copyOf(encodings);
        pseudoEncodings = List.copyOf(pseudoEncodings);
        if (jpegQuality < -1 || jpegQuality > 9 || compressLevel < -1 || compressLevel > 9) {
            throw new IllegalArgumentException("jpegQuality and compressLevel must be -1 or 0..9");
        }
    }

    /** Shared session, all encodings, lossless, no credentials, no certificate trust. */
    public static VncOptions defaults() {
        return new VncOptions(() -> null, () -> null, () -> null, TlsTrust.none(), true, Encoding.DEFAULT_PIXEL_ENCODINGS,
                Encoding.SUPPORTED_PSEUDO_ENCODINGS, -1, -1);
    }

    public VncOptions withPassword(Supplier<char[]> newPassword) {
        return new VncOptions(newPassword, username, xvpTarget, tlsTrust, shared, encodings, pseudoEncodings, jpegQuality,
                compressLevel);
    }

    public VncOptions withUsername(Supplier<String> newUsername) {
        return new VncOptions(password, newUsername, xvpTarget, tlsTrust, shared, encodings, pseudoEncodings, jpegQuality,
                compressLevel);
    }

    public VncOptions withXvpTarget(Supplier<String> newTarget) {
        return new VncOptions(password, username, newTarget, tlsTrust, shared, encodings, pseudoEncodings, jpegQuality,
                compressLevel);
    }

    public VncOptions withTlsTrust(TlsTrust newTrust) {
        return new VncOptions(password, username, xvpTarget, newTrust, shared, encodings, pseudoEncodings, jpegQuality,
                compressLevel);
    }

    public VncOptions withEncodings(List<Integer> newEncodings) {
        return new VncOptions(password, username, xvpTarget, tlsTrust, shared, newEncodings, pseudoEncodings, jpegQuality,
                compressLevel);
    }

    public VncOptions withPseudoEncodings(List<Integer> newPseudo) {
        return new VncOptions(password, username, xvpTarget, tlsTrust, shared, encodings, newPseudo, jpegQuality, compressLevel);
    }

    public VncOptions withJpegQuality(int quality) {
        return new VncOptions(password, username, xvpTarget, tlsTrust, shared, encodings, pseudoEncodings, quality, compressLevel);
    }

    /** The SetEncodings list: pixel encodings, then quality/compression levels, then pseudo-encodings. */
    public List<Integer> encodingList() {
        List<Integer> all = new ArrayList<>(encodings);
        if (jpegQuality >= 0) {
            all.add(Encoding.JPEG_QUALITY_0 + jpegQuality);
        }
        if (compressLevel >= 0) {
            all.add(Encoding.COMPRESS_LEVEL_0 + compressLevel);
        }
        all.addAll(pseudoEncodings);
        return all;
    }
}
