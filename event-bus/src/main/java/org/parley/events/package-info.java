/** Parley's event contracts and Kafka plumbing, shared by the services: CloudEvents, outbox, inbox. */
package org.parley.events;
