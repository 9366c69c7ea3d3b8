package org.parley.devstack;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every JVM that devstack starts (the Kafka broker, the packaged services). It runs the
 * real main class and exits when the JVM that started it exits, so that a test run or a local run that
 * is killed outright leaves no broker or service behind.
 * Runs on the child's own classpath plus this class: it must not touch anything else in devstack.
 * Arguments: the parent's pid, the main class, then that class's arguments.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ChildMain::exitWithParent),
                ChildMain::exitWithParent);
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private static void exitWithParent() {
        // System.exit runs the child's own shutdown hooks (a clean broker shutdown); halt if they hang.
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        });
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }

    /** The classpath entry (directory or jar) that holds this class, to add to a child's classpath. */
    static String location() {
        try {
            return java.nio.file.Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
