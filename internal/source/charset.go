package source

import (
	"bytes"
	"errors"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var errBinary = errors.New("binary data, not text (NUL or control bytes)")

// toUTF8 decodes raw to UTF-8. Valid UTF-8 is taken as is; otherwise the
// declared charset (HTTP header, then <meta> for HTML) is used, and text with
// no declaration is read as Windows-1252, the superset of Latin-1 that
// French legacy files are written in.
func toUTF8(raw []byte, contentType string) (string, string, error) {
	if enc, name := bomEncoding(raw); enc != nil {
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", errors.New("invalid " + name + " text")
		}
		return checkText(string(out), name)
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", "", errBinary
	}
	if utf8.Valid(raw) {
		return checkText(string(raw), "utf-8")
	}
	if enc, name := declared(raw, contentType); enc != nil {
		out, err := enc.NewDecoder().Bytes(raw)
		if err == nil && utf8.Valid(out) {
			return checkText(string(out), name)
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", errors.New("undecodable text")
	}
	return checkText(string(out), "windows-1252")
}

func bomEncoding(raw []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	}
	return nil, ""
}

// declared finds a charset named by the Content-Type header or, for HTML,
// by the document's <meta> tags.
func declared(raw []byte, contentType string) (encoding.Encoding, string) {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if name := params["charset"]; name != "" {
				if enc, canon := charset.Lookup(name); enc != nil {
					return enc, canon
				}
			}
		}
	}
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	if bytes.Contains(bytes.ToLower(head), []byte("<meta")) {
		enc, name, certain := charset.DetermineEncoding(raw, "text/html")
		if certain && name != "utf-8" {
			return enc, name
		}
	}
	return nil, ""
}

// checkText refuses decoded content that is mostly control characters: a
// binary file that happens to contain no NUL byte.
func checkText(s, name string) (string, string, error) {
	var ctl, total int
	for _, r := range s {
		total++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r == 0x7f || r == utf8.RuneError {
			ctl++
		}
	}
	if total > 0 && ctl*100 > total {
		return "", "", errBinary
	}
	return strings.ToValidUTF8(s, "\uFFFD"), name, nil
}
