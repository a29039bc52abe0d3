package source

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestPublic(t *testing.T) {
	for _, tc := range []struct {
		ip     string
		public bool
	}{
		{"93.184.216.34", true},
		{"2606:4700:4700::1111", true},
		{"8.8.8.8", true},
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"::1", false},
		{"10.0.0.1", false},
		{"172.16.5.4", false},
		{"172.32.0.1", true},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fd00:ec2::254", false}, // AWS metadata over IPv6 (unique local)
		{"0.0.0.0", false},
		{"::", false},
		{"100.64.0.1", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::a00:1", false}, // NAT64 of 10.0.0.1
		{"2002:7f00:1::", false},  // 6to4 of 127.0.0.1
		{"198.18.0.1", false},
	} {
		if got := Public(netip.MustParseAddr(tc.ip)); got != tc.public {
			t.Errorf("Public(%s) = %v, want %v", tc.ip, got, tc.public)
		}
	}
}

func page(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("Un article de presse en français, assez long pour être lu.\n"))
}

func TestPublicClientRefusesLoopback(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(page))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, u := range []string{srv.URL, "http://localhost:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/"} {
		_, err := Fetch(context.Background(), u, Options{Client: NewPublicClient()})
		if err == nil {
			t.Fatalf("Fetch(%s) through the public client succeeded", u)
		}
		if !IsForbiddenAddress(err) || !IsBadInput(err) {
			t.Errorf("Fetch(%s): %v (%T), want a forbidden-address input error", u, err, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "refused") || strings.Contains(msg, "\n") {
			t.Errorf("Fetch(%s) message %q: want one line saying it was refused", u, msg)
		}
	}
	// The plain client (the CLI's) still reads local pages.
	if _, err := Fetch(context.Background(), srv.URL, Options{}); err != nil {
		t.Fatalf("Fetch with the default client: %v", err)
	}
}

// TestGuardOnRedirect proves the address check runs on every hop: a server
// the policy allows (127.0.0.2, standing for a public host) redirects to
// one it refuses (127.0.0.1).
func TestGuardOnRedirect(t *testing.T) {
	inner := httptest.NewServer(http.HandlerFunc(page))
	defer inner.Close()
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2: %v", err)
	}
	outer := httptest.NewUnstartedServer(http.RedirectHandler(inner.URL+"/secret", http.StatusFound))
	outer.Listener.Close()
	outer.Listener = ln
	outer.Start()
	defer outer.Close()

	notOne := func(ip netip.Addr) bool { return ip != netip.MustParseAddr("127.0.0.1") }
	// Without the redirect, the allowed host is read.
	direct := httptest.NewUnstartedServer(http.HandlerFunc(page))
	ln2, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatal(err)
	}
	direct.Listener.Close()
	direct.Listener = ln2
	direct.Start()
	defer direct.Close()
	if _, err := Fetch(context.Background(), direct.URL, Options{Client: NewGuardedClient(notOne)}); err != nil {
		t.Fatalf("allowed host: %v", err)
	}
	_, err = Fetch(context.Background(), outer.URL, Options{Client: NewGuardedClient(notOne)})
	if !IsForbiddenAddress(err) {
		t.Fatalf("redirect to 127.0.0.1: err = %v, want a forbidden address", err)
	}
}

func TestFetchOnlyURLs(t *testing.T) {
	for _, in := range []string{"/etc/passwd", "-", "file:///etc/passwd", "ftp://example.org/x", ""} {
		if _, err := Fetch(context.Background(), in, Options{}); err == nil || !IsBadInput(err) {
			t.Errorf("Fetch(%q) = %v, want an input refusal", in, err)
		}
	}
}
