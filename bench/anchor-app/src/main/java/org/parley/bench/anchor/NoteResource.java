package org.parley.bench.anchor;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One read through REST, Hibernate and PostgreSQL: the benchmark's first answer from the anchor. */
@Path("/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    @Inject
    EntityManager entityManager;

    public record NoteView(long id, String text) {
    }

    @GET
    @Path("/{id}")
    public NoteView get(@PathParam("id") long id) {
        Note note = entityManager.find(Note.class, id);
        if (note == null) {
            throw new NotFoundException();
        }
        return new NoteView(note.id, note.text);
    }
}
