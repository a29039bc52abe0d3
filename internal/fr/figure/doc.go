// Package figure finds the figures and dates of French news copy, the raw
// material of fact checking: "plus de 20 000 organisations", "1,2 million de
// personnes", "12,5 %", "5 millions de dollars", "des dizaines de milliers",
// "le 2 avril 2024", "jeudi soir", "l'année dernière", "14h30".
//
// It takes a sentence (or any text) as a string and gives Figure and Date
// values with byte offsets into that string, a normalised value and a
// canonical Key, so that two mentions of one figure written differently
// ("30 000", "30 000", "30000"; "1,2 million", "1 200 000") compare equal.
//
// It never reads files or the network, never panics on any input, and does
// not depend on other plume packages: it carries its own small scanner, so
// that it can be used before the shared tokeniser exists.
//
// Choices a caller should know:
//   - Numbers glued to letters or codes ("G7", "Storm-0558", "COVID-19"),
//     after a capitalised name ("Office 365", "CAC 40") or a reference word
//     ("article 5") are not figures.
//   - A day number that belongs to a date ("2 avril", "les 10 et 11 avril")
//     and a time ("14h30") are left to Dates; a bare year is both a Figure of
//     kind Year and a Date.
//   - A four-digit number from 1000 to 2100 is a year unless a noun follows
//     it without a year preposition before ("2000 personnes" is a count).
//   - "premier"/"première" are not taken as ordinals, "un"/"une" only before
//     a scale ("un million"), "neuf" only before a noun; fractions ("trois
//     quarts", "la moitié") are not read.
//   - A figure with no noun after it keeps Noun empty: the noun of "250 000"
//     in "30 000 clients … et 250 000 dans le monde" is left to the reader.
//   - English copy is read by FiguresIn and DatesIn with lang "en": its
//     figures and dates get the keys of their French forms ("20,000" and
//     « 20 000 », "$5 billion" and « 5 milliards de dollars », "June 3"
//     and « 3 juin »), so that a French text can be checked against an
//     English source. Figures and Dates themselves read French only.
package figure
