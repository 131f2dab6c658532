/// The origin a redirect points to, for the one-line error that reports it: scheme, host and
/// port only (no path or query, which may carry anything), limited to the characters a host
/// name can hold, so a hostile `Location` header cannot put text or control bytes on screen.
enum RedirectLocation {
    /// `https://other.example:8443` for a `Location` of `https://other.example:8443/v1?x=1`;
    /// nil when there is no absolute `Location`.
    static func origin(of location: String?) -> String? {
        guard let location, let schemeEnd = location.range(of: "://") else { return nil }
        let scheme = location[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = location[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last.map(String.init) ?? ""
        let allowed = hostAndPort.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.:[]".unicodeScalars.contains($0))
        }
        guard allowed, !hostAndPort.isEmpty, hostAndPort.count <= 255 else { return nil }
        return "\(scheme)://\(hostAndPort)"
    }
}
