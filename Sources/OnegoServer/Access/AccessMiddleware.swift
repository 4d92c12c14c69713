import Foundation
import HTTPTypes
import Hummingbird

/// Access control for every request: the `Host` must name this server (DNS rebinding), the token must be present
/// (query the first time, then cookie, or `Authorization: Bearer`), and requests that change anything must come from
/// a page of this server (`Origin`, against CSRF) and need `--edit`.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken
    let address: ListeningAddress
    let allowsEditing: Bool
    /// Whether the secret is a password (remote access): browsers are then asked for it with HTTP Basic
    /// authentication (any user name), and it is never needed in the URL.
    var asksForPassword = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let authority = request.head.authority?.lowercased(), address.acceptedHosts.contains(authority) else {
            return ErrorPage.response(.forbidden, "请求的主机名与工作台的监听地址不符。请使用启动时打印的地址访问。")
        }
        // Most requests carry no query token: the query is parsed for it only when its key is there (Hummingbird
        // does not percent-decode keys).
        let queryToken = request.uri.query?.contains("token") == true ? request.uri.queryParameters.get("token") : nil
        if let queryToken, token.matches(queryToken), request.method == .get || request.method == .head {
            return redirectStoringCookie(request)
        }
        guard isAuthorised(request) else {
            guard asksForPassword else {
                return ErrorPage.response(.unauthorized, "需要访问令牌。请打开 onego serve 启动时打印的完整地址（含 ?token=…）。")
            }
            var refusal = ErrorPage.response(.unauthorized, "需要口令。请在浏览器弹出的登录框中输入管理员告知的口令（用户名任意）。")
            refusal.headers[.wwwAuthenticate] = "Basic realm=\"onego\", charset=\"UTF-8\""
            return refusal
        }
        if !Self.isSafe(request.method) {
            guard let origin = request.headers[.origin]?.lowercased(), address.acceptedOrigins.contains(origin) else {
                return ErrorPage.response(.forbidden, "跨站请求被拒绝：修改操作必须来自工作台自己的页面。")
            }
            guard allowsEditing else {
                return ErrorPage.response(.forbidden, "工作台以只读方式启动；需要修改时请用 onego serve --edit 启动。")
            }
        }
        return try await next(request, context)
    }

    /// GET, HEAD and OPTIONS change nothing.
    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// Whether the request carries the token as a bearer token or in this server's cookie.
    func isAuthorised(_ request: Request) -> Bool {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return token.matches(authorization.dropFirst("Bearer ".count))
        }
        if asksForPassword, let authorization = request.headers[.authorization], authorization.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst("Basic ".count))),
            let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        {
            return token.matches(pair[pair.index(after: colon)...])
        }
        let name = address.cookieName
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingSpaces == name, token.matches(parts[1].trimmingSpaces) {
                    return true
                }
            }
        }
        return false
    }

    /// A 303 to the same address without `token`, setting the HttpOnly, SameSite=Strict cookie.
    func redirectStoringCookie(_ request: Request) -> Response {
        let kept = request.uri.queryParameters.filter { $0.key != "token" }
        var location = request.uri.path
        if !kept.isEmpty {
            location +=
                "?"
                + kept.map { "\(QueryText.encode(String($0.key)))=\(QueryText.encode(String($0.value)))" }
                .joined(separator: "&")
        }
        var headers = HTTPFields()
        headers[.location] = location
        headers[.setCookie] = "\(address.cookieName)=\(token.value); Path=/; HttpOnly; SameSite=Strict"
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
