// Names of the per-person outboxes on a device (IndexedDB databases). The server hands them to the pages
// that fill them; signing out looks into them. One per person, so a shared phone never sends one
// person's requests in another's session.

export const outboxNamen = (gebruikerId: string) => ({
	/** Capacity reports (the aanbod page). */
	meldingen: `wijzer-outbox-${gebruikerId}`,
	/** Answers to proposals (the voorstellen page). */
	antwoorden: `wijzer-antwoorden-${gebruikerId}`
});
