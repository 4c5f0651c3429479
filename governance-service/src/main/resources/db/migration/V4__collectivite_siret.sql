-- The siège's SIRET names a collectivité in the SCDL open-data exports; NULL for those registered before it was known.
ALTER TABLE collectivite_view ADD COLUMN siret VARCHAR(14);
