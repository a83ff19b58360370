/** Wizards: new VM, migration, node-list import, add connection. One ViewModel and pure logic per wizard. */
package org.vireo.wizards;
