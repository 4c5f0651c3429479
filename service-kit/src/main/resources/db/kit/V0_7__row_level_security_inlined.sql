-- kit_visible (V0_3) made cheap where it runs most: in every policy, once per row a statement reads or writes.
-- Its body held EXISTS subqueries, so PostgreSQL could not inline it: each statement executed it as a function, its
-- body planned anew per statement (PostgreSQL 17), even for the platform's own writers (no tenant), which see every
-- row anyway. A projection's single-row UPDATE cost about ten times its work (docs/benchmarks.md, projection replay,
-- session 12). Same answer for every owner and tenant; the mutualisation look-ups move to a function of their own,
-- so that kit_visible is a plain expression the planner inlines into each policy, the look-ups only reached when the
-- tenant is set and is not the owner.
CREATE FUNCTION kit_mutualisation_visible(owner TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS
$$
SELECT EXISTS (SELECT 1
               FROM kit_mutualisation_member member
               WHERE member.mutualisation_id::text = owner
                 AND member.siren = current_setting('mutualis.tenant', true))
    OR EXISTS (SELECT 1
               FROM kit_mutualisation mutualisation
               WHERE mutualisation.mutualisation_id::text = owner
                 AND mutualisation.epci_siren = current_setting('mutualis.tenant', true))
$$;

CREATE OR REPLACE FUNCTION kit_visible(owner TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS
$$
SELECT coalesce(current_setting('mutualis.tenant', true), '') = ''
    OR owner = current_setting('mutualis.tenant', true)
    OR kit_mutualisation_visible(owner)
$$;
