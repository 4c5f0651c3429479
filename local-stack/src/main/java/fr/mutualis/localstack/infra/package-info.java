/** Small network helpers of the stack: free ports, and a forwarder to the broker's own port. */
package fr.mutualis.localstack.infra;
