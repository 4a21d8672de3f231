// Curated changes
//
// Shows: the audit trail of the catalog's curation through the API (docs/curation.md), newest
// first: the catalog version each change made, who made it and when, the mutation with its
// arguments, the touched items before and after (seed YAML items as JSON; null where absent)
// and the sources it cites, beside the current catalogVersion. Seeding writes no entries: until
// the first curated change, one row with catalogVersion 0 and no change.
//
// Parameters:
//   $since  the earliest instant to show, a datetime or ISO 8601 text; null shows every change
// Example:
// :param since => null
OPTIONAL MATCH (state:CatalogState {id: 'catalog'})
OPTIONAL MATCH (change:CatalogChange)
WHERE $since IS NULL OR change.at >= datetime($since)
RETURN
  coalesce(state.version, 0) AS catalogVersion,
  change.version AS version,
  change.at AS at,
  change.who AS who,
  change.mutation AS mutation,
  change.arguments AS arguments,
  change.before AS before,
  change.after AS after,
  change.sources AS sources
ORDER BY version DESC
