/** French formats for pages and forms: amounts in euros, dates, labels of the API's codes. */
package fr.mutualis.console.format;
