package org.parley.events;

/**
 * What a service does with one event. It returns only once the effect is committed; typically it opens a
 * transaction, calls {@link Inbox#markApplied} and applies the effect if that returned true. Throwing makes
 * {@link EventConsumer} retry the same event, after a backoff, before anything later on its partition.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(ReceivedEvent event) throws Exception;
}
