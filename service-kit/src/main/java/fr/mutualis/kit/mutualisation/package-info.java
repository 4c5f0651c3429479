/**
 * Each service's copy of the mutualisations governance publishes, asked which mutualisations a tenant belongs to or
 * administers, and the one listener of governance's topic that keeps it and the collectivités' directory. Depends on
 * the kit's integration (the inbox, typed handlers) and collectivite.
 */
package fr.mutualis.kit.mutualisation;
