// Package fr is the root of plume's French language kit. Its sub-packages
// (token, lexicon, pos, chunk, entity, figure, syllable, langid) each do one
// thing to French text and never read or write files or the network at run
// time: their data is embedded.
package fr
