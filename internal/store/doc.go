// Package store is plume's memory: one SQLite file (pure Go driver
// modernc.org/sqlite) holding the sources it has read, the stories they were
// clustered into, the articles written for those stories and the runs that
// wrote them.
//
// It takes typed records ([Source], [Story], [Article], [Run]) and a file
// path, and gives them back by id or by listing. [Open] creates the file when
// missing, switches it to WAL (so readers never wait for a writer), sets a
// busy timeout and foreign keys, and applies the embedded, versioned
// migrations; a database written by a newer plume is refused with
// [ErrSchemaTooNew] instead of being misread.
//
// Every write runs in one transaction that either commits whole or leaves
// the file untouched, so a crash (SIGKILL included) never leaves a
// half-written row. Sources are deduplicated by the SHA-256 of their clean
// text and by URL: putting the same source twice returns the first id.
// Missing records are reported as errors wrapping [ErrNotFound].
//
// The store never interprets what it keeps: it does not clean text, extract
// facts, cluster sources, render or check articles. JSON columns are stored
// as given. It never deletes data and never touches the network.
package store
