// Package entity finds the named entities of a French news article —
// persons, organisations, places, products, threat actors, events and other
// proper names — and groups the ways the article writes each one into a
// single Entity with a canonical form: « Jen Psaki », « Jennifer Psaki » and
// « Psaki »; « CISA », « Cisa » and « Cybersecurity and Infrastructure
// Security Agency ».
//
// It takes a document as its sentences, in order, and gives entities with
// their mentions (byte offsets into their sentence), variants, conflicting
// variants (« Jane Psaki » beside « Jen Psaki ») and the titles the text gives
// persons (« attachée de presse de la Maison Blanche »).
//
// It is rule-based: noun phrases from package chunk (names, acronyms,
// institutions), capitalisation, title cues (M., Mme, président, ministre,
// porte-parole…), the lexicon's proper names (a gendered one is a first
// name), word lists written for plume and embedded (places, organisations,
// products, threat actors, first names: data/), and cues in the sentence
// (« qu'il désigne sous le nom de », « acteur de la menace », « piratage
// de »). It never resolves entities across documents (the fact stage does),
// never reads files or the network at run time, and never panics.
package entity
