package main

import (
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// Login attempt limits: a guesser gets loginPerPair tries at one username
// from one address per window; one address as a whole gets loginPerIP,
// enough for a classroom behind one NAT address where several pupils
// mistype, but not for spraying passwords across every username.
const (
	loginWindow  = 15 * time.Minute
	loginPerPair = 10
	loginPerIP   = 300
)

// loginLimiter counts log-in attempts in memory. It is per process: two
// nodes behind a load balancer each allow the full amount (see
// docs/accounts.md). An attempt is counted when it starts, so concurrent
// guesses cannot slip past the limit, and taken back when it succeeds.
type loginLimiter struct {
	mu        sync.Mutex
	window    time.Duration
	perPair   int
	perIP     int
	pairs     map[string]*attempts
	ips       map[string]*attempts
	lastSweep time.Time
}

// attempts is a fixed window: it starts at the first attempt and lasts
// one window.
type attempts struct {
	start time.Time
	n     int
}

func newLoginLimiter(window time.Duration, perPair, perIP int) *loginLimiter {
	return &loginLimiter{window: window, perPair: perPair, perIP: perIP,
		pairs: map[string]*attempts{}, ips: map[string]*attempts{}}
}

// begin records an attempt by ip at user, or refuses it and says how long
// to wait if the pair or the address has used its allowance.
func (l *loginLimiter) begin(ip, user string, now time.Time) (wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	pair := l.get(l.pairs, ip+"\x00"+user, now)
	addr := l.get(l.ips, ip, now)
	switch {
	case pair.n >= l.perPair:
		return pair.start.Add(l.window).Sub(now), false
	case addr.n >= l.perIP:
		return addr.start.Add(l.window).Sub(now), false
	}
	pair.n++
	addr.n++
	return 0, true
}

// succeeded forgets the pair's attempts and gives the address its attempt
// back: logging in is not guessing.
func (l *loginLimiter) succeeded(ip, user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.pairs, ip+"\x00"+user)
	if a := l.ips[ip]; a != nil && a.n > 0 {
		a.n--
	}
}

func (l *loginLimiter) get(m map[string]*attempts, key string, now time.Time) *attempts {
	a := m[key]
	if a == nil || !now.Before(a.start.Add(l.window)) {
		a = &attempts{start: now}
		m[key] = a
	}
	return a
}

// sweep drops expired windows once per window, so memory stays bounded by
// the attempts of the last two windows.
func (l *loginLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < l.window {
		return
	}
	l.lastSweep = now
	for _, m := range []map[string]*attempts{l.pairs, l.ips} {
		for k, a := range m {
			if !now.Before(a.start.Add(l.window)) {
				delete(m, k)
			}
		}
	}
}

// clientIP is the address the limiter counts: the connection's peer
// (r.RemoteAddr). X-Forwarded-For is not trusted, since factdeck has no
// --trust-proxy setting to say which proxy may set it; behind a reverse
// proxy every client therefore shares the proxy's allowance. IPv6 clients
// are counted per /64, the block one subscriber usually holds.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	addr = addr.Unmap()
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}
