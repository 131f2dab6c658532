// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "arena",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arena", targets: ["arena"]),
        .library(name: "ArenaKit", targets: ["ArenaKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libedit, found through pkg-config (Debian: apt-get install libedit-dev).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // cmark-gfm, GitHub's CommonMark parser with its table, strikethrough and autolink
        // extensions, found through pkg-config (Debian: apt-get install libcmark-gfm-dev
        // libcmark-gfm-extensions-dev), for Markdown in the HTML export.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // C library calls Swift does not import (glibc's mallopt).
        .target(name: "CArenaSystem"),
        // Everything arena does: providers, streaming, conversations, terminal, REPL.
        .target(
            name: "ArenaKit",
            dependencies: [
                "CLibEdit",
                "CCmarkGFM",
                "CArenaSystem",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The thin command-line front: parses arguments and wires ArenaKit together.
        .executableTarget(
            name: "arena",
            dependencies: [
                "ArenaKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A loopback HTTP server that speaks each provider's dialect and misbehaves on request.
        .target(
            name: "ArenaTestServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // What the tests (and the benchmarks) share: temporary directories cleaned up at exit,
        // one pseudo-terminal, a recording turn observer and a recording console.
        .target(name: "ArenaTestSupport", dependencies: ["ArenaKit"]),
        .executableTarget(name: "arena-bench", dependencies: ["ArenaKit", "ArenaTestServer", "ArenaTestSupport", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")], path: "Sources/ArenaBench"),
        .testTarget(
            name: "ArenaKitTests",
            dependencies: ["ArenaKit", "ArenaTestServer", "ArenaTestSupport", "CCmarkGFM"]
        ),
        .testTarget(
            name: "ArenaEndToEndTests",
            dependencies: ["ArenaKit", "ArenaTestServer", "ArenaTestSupport"]
        ),
    ]
)
