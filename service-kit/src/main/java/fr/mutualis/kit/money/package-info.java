/**
 * Arithmetic on amounts in integer euro cents that several contexts share: splitting an amount into exact parts
 * (a shared cost among members, a project's cost over its years).
 */
package fr.mutualis.kit.money;
