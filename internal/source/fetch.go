package source

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// NewClient returns the HTTP client plume fetches pages with: a bounded
// number of redirects, each to http or https only, and the fetch timeout.
func NewClient() *http.Client {
	return &http.Client{
		Timeout: FetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
}

// acceptable media types: pages and text. Anything else (PDF, images,
// archives) is refused before its body is read.
func acceptable(mediaType string) bool {
	switch {
	case mediaType == "", strings.HasPrefix(mediaType, "text/"):
		return true
	case mediaType == "application/xhtml+xml", mediaType == "application/xml",
		mediaType == "application/rss+xml", mediaType == "application/atom+xml":
		return true
	}
	return false
}

func fetch(ctx context.Context, raw string, opts Options) (*Input, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &Error{Input: raw, Reason: "invalid URL", Err: err}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &Error{Input: raw, Reason: fmt.Sprintf("unsupported URL scheme %q (only http and https)", u.Scheme)}
	}
	if u.Host == "" {
		return nil, &Error{Input: raw, Reason: "URL has no host"}
	}
	client := opts.Client
	if client == nil {
		client = NewClient()
	}
	ctx, cancel := context.WithTimeout(ctx, FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Input: raw, Reason: "invalid URL", Err: err}
	}
	req.Header.Set("User-Agent", "plume/1 (+https://github.com/plume-seo/plume)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	req.Header.Set("Accept-Language", "fr,en;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, &Error{Input: raw, Reason: "cannot fetch: " + fetchReason(err), Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &Error{Input: raw, Reason: "server answered " + resp.Status}
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if !acceptable(mt) {
		return nil, &Error{Input: raw, Reason: fmt.Sprintf("unsupported content type %q", mt)}
	}
	limit := opts.maxBytes()
	if resp.ContentLength > limit {
		return nil, &Error{Input: raw, Reason: fmt.Sprintf("page is %s, larger than the %s limit", size(resp.ContentLength), size(limit))}
	}
	body, err := readCapped(resp.Body, limit)
	if err != nil {
		if !errors.Is(err, errTooLarge) {
			return nil, &Error{Input: raw, Reason: "cannot fetch: " + fetchReason(err), Err: err}
		}
		return nil, inputErr(raw, err)
	}
	return decode(raw, resp.Request.URL.String(), body, ct)
}

// fetchReason turns a client error into a short phrase without repeating
// the URL, which the caller already prints.
func fetchReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var dnsErr *net.DNSError
	var fe *ForbiddenAddressError
	switch {
	case errors.As(err, &fe):
		return "refused: " + fe.Error()
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return fmt.Sprintf("no answer within %s", FetchTimeout)
	case errors.As(err, &dnsErr):
		return "unknown host " + dnsErr.Name
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return "connection refused or unreachable"
	}
	return err.Error()
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
