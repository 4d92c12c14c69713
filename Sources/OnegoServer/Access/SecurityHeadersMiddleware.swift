import HTTPTypes
import Hummingbird

/// Adds the strict Content-Security-Policy and the other protective headers to every response, error responses
/// included.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = ErrorPage.response(error.status, ErrorPage.message(for: error.status))
        } catch {
            response = ErrorPage.response(.internalServerError, "服务器内部错误。")
        }
        SecurityHeaders.apply(to: &response.headers)
        return response
    }
}

/// The protective headers of every response, made once.
enum SecurityHeaders {
    /// The policy: only this server's own script, style and connections; no frames, forms elsewhere or base URL.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The field names without a predefined constant.
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")
    private static let frameOptions = HTTPField.Name("X-Frame-Options")

    /// Sets the headers on a response's fields.
    static func apply(to headers: inout HTTPFields) {
        headers[HTTPField.Name.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        if let referrerPolicy { headers[referrerPolicy] = "same-origin" }
        if let frameOptions { headers[frameOptions] = "DENY" }
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}
