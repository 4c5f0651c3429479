-- The SIRET of each collectivité's siège, which names it in the SCDL budget export; NULL when governance published
-- its registration before the directory knew SIRETs.
ALTER TABLE collectivite ADD COLUMN siret CHAR(14);
