package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Format is the kind of content an input holds, detected from its bytes.
type Format string

// The formats plume reads.
const (
	Text     Format = "text"
	HTML     Format = "html"
	Markdown Format = "markdown"
)

// Limits that apply to every input. They are documented in the README.
const (
	// MaxBytes is the largest input plume accepts, from a file, stdin or a URL.
	MaxBytes = 10 << 20
	// FetchTimeout bounds a whole URL fetch, headers and body.
	FetchTimeout = 15 * time.Second
	// MaxRedirects is the number of redirects a fetch may follow.
	MaxRedirects = 5
)

// Input is one source, decoded to UTF-8.
type Input struct {
	// Name is what the user gave: a path, "-" or a URL.
	Name string
	// URL is the final URL after redirects, for fetched inputs.
	URL string
	// Format is the detected content format.
	Format Format
	// Charset is the encoding the bytes were decoded from ("utf-8",
	// "windows-1252", …).
	Charset string
	// Text is the content, valid UTF-8.
	Text string
}

// Error reports an input plume refuses: unreadable, empty, binary, too
// large, unreachable, or of a scheme it does not fetch.
type Error struct {
	Input  string
	Reason string
	Err    error
}

func (e *Error) Error() string {
	if e.Input == "" {
		return e.Reason
	}
	return e.Input + ": " + e.Reason
}

func (e *Error) Unwrap() error { return e.Err }

// IsBadInput reports whether err is (or wraps) an input refusal.
func IsBadInput(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// Options configures [Load]. The zero value is usable.
type Options struct {
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Client fetches URLs; nil means a client built by [NewClient].
	Client *http.Client
	// MaxBytes overrides [MaxBytes] when positive.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return MaxBytes
}

// Load reads one INPUT argument and returns it decoded and classified.
func Load(ctx context.Context, arg string, opts Options) (*Input, error) {
	switch {
	case arg == "":
		return nil, &Error{Reason: "empty input name"}
	case arg == "-":
		if opts.Stdin == nil {
			return nil, &Error{Input: "-", Reason: "no standard input"}
		}
		raw, err := readCapped(opts.Stdin, opts.maxBytes())
		if err != nil {
			return nil, inputErr("-", err)
		}
		return decode("-", "", raw, "")
	case hasScheme(arg):
		return fetch(ctx, arg, opts)
	default:
		return loadFile(arg, opts.maxBytes())
	}
}

// FromBytes classifies and decodes content that arrived by other means (an
// HTTP request body, a test). contentType may be empty.
func FromBytes(name string, raw []byte, contentType string) (*Input, error) {
	return decode(name, "", raw, contentType)
}

func loadFile(path string, limit int64) (*Input, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Error{Input: path, Reason: "no such file", Err: err}
		}
		return nil, &Error{Input: path, Reason: "cannot open: " + rootCause(err), Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{Input: path, Reason: "cannot read: " + rootCause(err), Err: err}
	}
	if st.IsDir() {
		return nil, &Error{Input: path, Reason: "is a directory, not a file"}
	}
	if st.Size() > limit {
		return nil, &Error{Input: path, Reason: fmt.Sprintf("file is %s, larger than the %s limit", size(st.Size()), size(limit))}
	}
	raw, err := readCapped(f, limit)
	if err != nil {
		return nil, inputErr(path, err)
	}
	return decode(path, "", raw, "")
}

var errTooLarge = errors.New("too large")

// readCapped reads at most limit bytes and fails if there are more.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("%w: more than %s", errTooLarge, size(limit))
	}
	return raw, nil
}

func inputErr(name string, err error) error {
	if errors.Is(err, errTooLarge) {
		return &Error{Input: name, Reason: "input is " + err.Error()[len("too large: "):] + ", over the limit", Err: err}
	}
	return &Error{Input: name, Reason: "cannot read: " + rootCause(err), Err: err}
}

func decode(name, finalURL string, raw []byte, contentType string) (*Input, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	text, charset, err := toUTF8(raw, contentType)
	if err != nil {
		return nil, &Error{Input: name, Reason: err.Error(), Err: err}
	}
	if strings.TrimSpace(text) == "" {
		return nil, &Error{Input: name, Reason: "input is empty"}
	}
	return &Input{Name: name, URL: finalURL, Format: Detect(text), Charset: charset, Text: text}, nil
}

func hasScheme(arg string) bool {
	i := strings.Index(arg, "://")
	if i <= 0 {
		return false
	}
	for _, r := range arg[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// rootCause strips Go's operation prefixes ("open x: ") from a system error
// so messages stay on one short line.
func rootCause(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Stem returns a file-name stem for an input name: "a/b/003_x.txt" → "003_x".
func Stem(name string) string {
	base := filepath.Base(name)
	if ext := filepath.Ext(base); ext != "" && utf8.RuneCountInString(ext) <= 6 {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
