-- wrk reports p50/p95/p99 and error counts in one line that bench/load.sh reads.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f bytes=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout))
end
