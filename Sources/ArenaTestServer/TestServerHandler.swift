import NIOCore
import NIOHTTP1

/// Handles the requests of one connection: records each, asks the router for a plan, and
/// writes it, with pauses, stalls, dropped connections and firehoses as planned.
final class TestServerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: ServerState
    private let router: RequestRouter
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var servedRequests: [Int] = []
    private var isActive = true
    /// Whether a response is being sent (one at a time: the pipeline holds pipelined requests back).
    private var isResponding = false

    init(state: ServerState, router: RequestRouter) {
        self.state = state
        self.router = router
    }

    func channelActive(context: ChannelHandlerContext) {
        state.add(context.channel)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        endResponse()
        state.remove(context.channel)
        state.connectionClosed(servingRequests: servedRequests)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            let request = Self.record(head: head, body: body)
            let index = state.record(request)
            servedRequests.append(index)
            isResponding = true
            state.responseStarted()
            let state = self.state
            let plan = router.plan(for: request) { state.nextBehaviour(forModel: $0) }
            write(plan, context: context)
        }
    }

    private static func record(head: HTTPRequestHead, body: [UInt8]) -> RecordedRequest {
        var path = head.uri
        var query: [String: String] = [:]
        if let mark = head.uri.firstIndex(of: "?") {
            path = String(head.uri[..<mark])
            for pair in head.uri[head.uri.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
                query[name] = value
            }
        }
        let headers = head.headers.map { RecordedRequest.HeaderField(name: $0.name.lowercased(), value: $0.value) }
        return RecordedRequest(method: head.method.rawValue, path: path, query: query, headers: headers, body: body)
    }

    /// Notes that the response being sent is over (ended, or its connection gone).
    private func endResponse() {
        guard isResponding else { return }
        isResponding = false
        state.responseEnded()
    }

    private func write(_ plan: ResponsePlan, context: ChannelHandlerContext) {
        guard isActive else { return }
        if let model = plan.heldFor {
            var released = plan
            released.heldFor = nil
            let unheld = released
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            state.hold(model: model) {
                eventLoop.execute {
                    let (handler, context) = bound.value
                    handler.write(unheld, context: context)
                }
            }
            return
        }
        var headers = HTTPHeaders()
        for (name, value) in plan.headers { headers.add(name: name, value: value) }
        let status = HTTPResponseStatus(statusCode: plan.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.flush()
        writeParts(plan.parts[...], ending: plan.ending, context: context)
    }

    private func writeParts(_ parts: ArraySlice<ResponsePlan.Part>, ending: ResponsePlan.Ending, context: ChannelHandlerContext) {
        guard isActive else { return }
        var parts = parts
        while let part = parts.popFirst() {
            switch part {
            case .text(let text):
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            case .delay(let milliseconds):
                context.flush()
                let remaining = parts
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(milliseconds))) {
                    self.writeParts(remaining, ending: ending, context: context)
                }
                return
            case .repeated(let chunks, let count):
                writeRepeated(chunks: chunks, written: 0, count: count, then: parts, ending: ending, context: context)
                return
            }
        }
        context.flush()
        switch ending {
        case .end:
            endResponse()
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case .stall:
            break
        case .drop:
            context.close(promise: nil)
        }
    }

    /// Writes chunks `written..<count` (taking `chunks` in turn) in batches, each batch after
    /// the previous one was written, so a fast client gets them as fast as it reads and memory
    /// stays bounded.
    private func writeRepeated(
        chunks: [String], written: Int, count: Int, then parts: ArraySlice<ResponsePlan.Part>,
        ending: ResponsePlan.Ending, context: ChannelHandlerContext
    ) {
        guard isActive else { return }
        guard written < count else {
            writeParts(parts, ending: ending, context: context)
            return
        }
        let batch = min(count - written, 512)
        let longest = chunks.map(\.utf8.count).max() ?? 0
        var buffer = context.channel.allocator.buffer(capacity: longest * batch)
        for index in written..<(written + batch) { buffer.writeString(chunks[index % chunks.count]) }
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).assumeIsolated().whenComplete { result in
            if case .success = result {
                self.writeRepeated(chunks: chunks, written: written + batch, count: count, then: parts, ending: ending, context: context)
            }
        }
    }
}

import Foundation
