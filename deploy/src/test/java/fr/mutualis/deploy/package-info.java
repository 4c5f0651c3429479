/**
 * The build's check of the Kubernetes manifests ({@code deploy/kubernetes}), offline: each overlay rendered as
 * kustomize renders it, then every object validated strictly against the Kubernetes API's types (fabric8's model)
 * or, for the operators' resources, their CRDs' OpenAPI schemas, and checked against what the platform needs.
 */
package fr.mutualis.deploy;
