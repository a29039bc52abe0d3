// Package chunk finds the noun phrases of a French sentence: common noun
// phrases (« directive d'urgence », « groupes de réflexion américains »),
// proper names (« Jen Psaki », « Microsoft Exchange », « Office 365 »,
// « Agence nationale de sécurité ») and acronyms (« CISA », « UCG »). Later
// stages build keyphrases, subheadings and named entities from them.
//
// It takes a sentence (Phrases tokenises and tags it with packages token and
// pos) or tokens already tagged (Chunk) and gives phrases with byte offsets
// into the sentence, their head word and the lemmas of their content words.
//
// It is rule-based over UPOS tags and capitalisation: a pattern
// DET? ADJ* NOUN ADJ* (ADP DET? ADJ* NOUN ADJ*)* for common phrases, runs of
// capitalised words for names. It never returns overlapping phrases, never
// reads files or the network and never panics, whatever the input.
package chunk
