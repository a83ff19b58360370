/**
 * RFB (VNC) client, protocol core without JavaFX (the JavaFX control is in {@code org.vireo.vnc.fx}).
 * <p>
 * {@link org.vireo.vnc.VncClient} runs one session over any {@code InputStream}/{@code OutputStream}
 * pair (Socket, SSH channel): build it with {@link org.vireo.vnc.VncOptions}, add a
 * {@link org.vireo.vnc.VncListener}, call {@code connect()} off the FX thread; the decoded desktop is
 * the {@link org.vireo.vnc.Framebuffer} (opaque ARGB ints).
 * <ul>
 * <li>Protocol versions 3.3, 3.7, 3.8. Security types: None, VNC Authentication, VeNCrypt (19) with
 *     Plain, TLSNone, TLSVnc, TLSPlain, X509None, X509Vnc, X509Plain.</li>
 * <li>Pixel format requested: 32 bpp, depth 24, little-endian, shifts 16/8/0 (QEMU's and Xvnc's
 *     native format, decoded straight to ARGB).</li>
 * <li>Encodings: Raw, CopyRect, RRE, Hextile, Zlib, ZRLE, Tight (fill, JPEG, basic with copy,
 *     palette and gradient filters, four zlib streams with resets).</li>
 * <li>Pseudo-encodings: DesktopSize, ExtendedDesktopSize (followed, not requested), Cursor, LastRect,
 *     QEMU Extended Key Event (keys then go as XT scancodes from keycodemapdb), QEMU Pointer Motion
 *     Change, QEMU LED state; JPEG quality and compression level.</li>
 * <li>Every length and size from the server is bounded (framebuffer 16384 per side and 64 Mpixel,
 *     cut text 16 MiB, reason strings 64 KiB, compressed data sized to its rectangle): a malformed
 *     stream ends the session with a {@link org.vireo.vnc.VncProtocolException}.</li>
 * <li>TLS runs over the same streams (docs/decisions/0009-vnc-tls.md).</li>
 * <li>Clipboard: the Extended Clipboard pseudo-encoding (UTF-8 text both ways) when the server has it,
 *     else classic Latin-1 cut text.</li>
 * <li>XVP power actions (shutdown, reboot, reset) when the server offers them.</li>
 * </ul>
 * Security type XVP (22) too (user and target, then VNC authentication). Not yet: continuous updates.
 */
package org.vireo.vnc;
