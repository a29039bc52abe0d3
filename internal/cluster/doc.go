// Package cluster groups news sources into stories: the dispatches of
// several outlets about one event become one story, and stories about
// neighbouring events are linked as related.
//
// It takes, for each source, its cleaned text ([clean.Document]) and gives a
// [Features] value computed once ([Extract]); a [Clusterer] then receives
// sources one at a time ([Clusterer.Add]) and says which story each joins or
// whether it starts a new one, lists the stories ([Clusterer.Stories]) and
// ranks the stories most related to a given one ([Clusterer.Related]).
//
// Methods implemented:
//   - MinHash signatures of word 3-shingles (A. Broder, "On the resemblance
//     and containment of documents", 1997) estimate the Jaccard similarity of
//     two texts, to find near-duplicates (syndicated or lightly edited
//     copies);
//   - locality-sensitive hashing by banding of those signatures (J.
//     Leskovec, A. Rajaraman, J. Ullman, "Mining of Massive Datasets",
//     ch. 3.4) finds the candidate near-duplicates without comparing every
//     pair, together with an inverted index on rare entity names, so that
//     the cost of one Add stays nearly constant as the collection grows;
//   - same-event detection by overlap of salient named entities (persons,
//     organisations, products, threat actors — places alone are too
//     common) confirmed by a shared figure or date or several shared content
//     words, inside a time window when publication dates are known, the
//     classic evidence of topic detection and tracking (Allan et al., "Topic
//     Detection and Tracking Pilot Study", 1998);
//   - related stories are ranked by an IDF-weighted cosine over entity names
//     and content words.
//
// It never reads files, the network or a database: storage is the store
// package's business, and a Clusterer lives in memory (rebuild it by adding
// the stored sources again in order). It is not safe for concurrent use
// without the caller's lock, and it never panics on any input.
package cluster
