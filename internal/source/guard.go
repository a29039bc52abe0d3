package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// ForbiddenAddressError reports a fetch refused because the host resolved
// to an address that is not public: loopback, private, link-local (cloud
// metadata services live there), unspecified, multicast or reserved.
type ForbiddenAddressError struct {
	Addr netip.Addr
}

func (e *ForbiddenAddressError) Error() string {
	return fmt.Sprintf("address %s is not a public address", e.Addr)
}

// nonPublic are the ranges netip's predicates do not cover: shared address
// space (carrier-grade NAT), IETF protocol assignments, benchmarking,
// documentation, reserved and broadcast; NAT64 and 6to4, which embed an
// IPv4 address that may be private; and deprecated site-local IPv6.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("fec0::/10"),
}

// Public reports whether ip is a public unicast address that a server may
// fetch from on a user's behalf. IPv4-mapped IPv6 addresses are judged as
// the IPv4 address they carry.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.Zone() != "" {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// NewPublicClient is [NewClient] for servers: it connects only to public
// addresses. The check runs on the address actually dialled, after DNS
// resolution, so a host name that resolves to 127.0.0.1 or 169.254.169.254
// is refused, and it runs again for every redirect and every address tried.
// No proxy is used, since a proxy would dial on the client's behalf.
func NewPublicClient() *http.Client { return NewGuardedClient(Public) }

// NewGuardedClient is [NewClient] dialling only the addresses allow
// accepts, checked as [NewPublicClient] checks them. Tests use it to stand
// a loopback address in for a public one.
func NewGuardedClient(allow func(netip.Addr) bool) *http.Client {
	c := NewClient()
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		return checkAddress(address, allow)
	}}
	t.DialContext = d.DialContext
	c.Transport = t
	return c
}

// checkAddress is called by the dialer's Control function, which runs after
// resolution, just before connect, with the literal address.
func checkAddress(address string, allow func(netip.Addr) bool) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return err
	}
	if !allow(ip) {
		return &ForbiddenAddressError{Addr: ip.Unmap()}
	}
	return nil
}

// Fetch loads an http(s) URL, and nothing else: unlike [Load], it never
// reads a file or standard input, so it is the entry point for input that
// comes from a network client.
func Fetch(ctx context.Context, rawURL string, opts Options) (*Input, error) {
	if !hasScheme(rawURL) {
		return nil, &Error{Input: rawURL, Reason: "not a URL (want http:// or https://)"}
	}
	return fetch(ctx, rawURL, opts)
}

// IsURL reports whether s names an http or https URL, the inputs plume
// fetches.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// IsForbiddenAddress reports whether err is (or wraps) a refusal of a
// non-public address.
func IsForbiddenAddress(err error) bool {
	var fe *ForbiddenAddressError
	return errors.As(err, &fe)
}
