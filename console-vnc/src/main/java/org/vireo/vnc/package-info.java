/** RFB (VNC) client: protocol core without JavaFX, plus the JavaFX {@code VncView} control. */
package org.vireo.vnc;
