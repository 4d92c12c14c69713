import HTTPTypes
import Hummingbird

/// Adds the strict Content-Security-Policy and the other protective headers to every response, error responses
/// included.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy: only this server's own script, style and connections; no frames, forms elsewhere or base URL.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

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
        Self.apply(to: &response.headers)
        return response
    }

    /// Sets the headers on a response's fields.
    static func apply(to headers: inout HTTPFields) {
        headers[HTTPField.Name.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in [("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY")] {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}
