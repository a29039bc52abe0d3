package evalclean

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// truthFile is the partial reference format of the corpus (truth.json).
type truthFile struct {
	Kind            string   `json:"kind"`
	MustContain     []string `json:"must_contain"`
	MustNotContain  []string `json:"must_not_contain"`
	StartsWith      string   `json:"starts_with"`
	StartsWithWords string   `json:"starts_with_words"`
}

// page is one corpus item with its references loaded.
type page struct {
	id, url        string
	raw            []byte
	full           string // truth.txt, "" when absent
	hasFull        bool
	mustContain    []string
	mustNotContain []string
	prefix         string
	hasPrefix      bool
}

// parseTruth reads a truth.json document.
func parseTruth(data []byte) (truthFile, error) {
	var t truthFile
	if err := json.Unmarshal(data, &t); err != nil {
		return t, fmt.Errorf("truth.json: %w", err)
	}
	switch t.Kind {
	case "segments", "prefix", "prefix_words":
	default:
		return t, fmt.Errorf("truth.json: unknown kind %q", t.Kind)
	}
	return t, nil
}

// readIndex returns the (id, url) rows of dir/INDEX.tsv, found by the
// header's column names so that added columns do not break the reader.
func readIndex(dir string) ([][2]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "INDEX.tsv"))
	if err != nil {
		return nil, fmt.Errorf("corpus index: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	idCol, urlCol := -1, -1
	var rows [][2]string
	for line := 0; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		cols := strings.Split(text, "\t")
		if idCol < 0 {
			for i, c := range cols {
				switch strings.TrimSpace(c) {
				case "id":
					idCol = i
				case "url":
					urlCol = i
				}
			}
			if idCol < 0 {
				return nil, fmt.Errorf("corpus index %s: no id column in header", dir)
			}
			continue
		}
		row := [2]string{}
		if idCol < len(cols) {
			row[0] = strings.TrimSpace(cols[idCol])
		}
		if urlCol >= 0 && urlCol < len(cols) {
			row[1] = strings.TrimSpace(cols[urlCol])
		}
		if row[0] == "" {
			return nil, fmt.Errorf("corpus index %s: line %d has no id", dir, line+1)
		}
		if filepath.Base(row[0]) != row[0] || row[0] == ".." {
			return nil, fmt.Errorf("corpus index %s: id %q is not a folder name", dir, row[0])
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpus index %s: %w", dir, err)
	}
	return rows, nil
}

// loadPage reads one item's raw.html and whichever references it has.
func loadPage(dir, id, url string) (*page, error) {
	base := filepath.Join(dir, id)
	raw, err := os.ReadFile(filepath.Join(base, "raw.html"))
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	p := &page{id: id, url: url, raw: raw}
	if full, err := os.ReadFile(filepath.Join(base, "truth.txt")); err == nil {
		p.full, p.hasFull = string(full), true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	data, err := os.ReadFile(filepath.Join(base, "truth.json"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p, nil
	case err != nil:
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	t, err := parseTruth(data)
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", id, err)
	}
	switch t.Kind {
	case "segments":
		p.mustContain, p.mustNotContain = t.MustContain, t.MustNotContain
	case "prefix":
		p.prefix, p.hasPrefix = t.StartsWith, true
	case "prefix_words":
		p.prefix, p.hasPrefix = t.StartsWithWords, true
	}
	return p, nil
}
