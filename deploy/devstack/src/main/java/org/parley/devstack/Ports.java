package org.parley.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

final class Ports {

    private Ports() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevStackException("No free TCP port on the loopback interface: " + e.getMessage(), e);
        }
    }

    /** Fails fast with advice, rather than letting a server die later with a bind error buried in its log. */
    static void requireFree(int port, String what, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            // TIME_WAIT connections of a just-stopped broker must not count as "in use"; a listener still does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new DevStackException("Port " + port + " (" + what + ") is already in use: stop whatever is listening there"
                    + " (a devstack left running?), or pick another port with " + option + ".");
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
