/**
 * The event records exchanged between the services and with partners. Field names are the contract described in
 * README's "Events" section: change them only together with the JSON Schemas and a new {@code schemaVersion}.
 */
package org.borderwatch.common.model;
