// Package stories is the store seen as a newsroom's stories: it turns a
// cleaned document into a stored source, groups the stored sources into
// stories with the clusterer, and finds the stories related to one — the
// work shared by plume ingest, plume batch and plume serve.
package stories
