import HTTPTypes
import Hummingbird
import OnegoExport

/// Small HTML pages for refusals and errors (they carry no catalog data and need no token).
enum ErrorPage {
    /// A response with `status` whose page says `message`.
    static func response(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let body: HTML = """
            <main class="narrow"><h1>\(status.code) \(title(for: status))</h1>
            <p>\(message)</p></main>
            """
        return PageLayout.response(title: title(for: status), body: body, status: status)
    }

    /// The Chinese heading for a status.
    static func title(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401: "未授权"
        case 403: "禁止访问"
        case 404: "页面不存在"
        case 405: "不支持的请求方法"
        case 400: "请求有误"
        default: "出错了"
        }
    }

    /// The explanation of an HTTP error thrown by the router.
    static func message(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "没有这个页面。请从首页搜索事项或一件事。"
        case 405: "这个地址不接受该请求方法。"
        case 400: "请求参数有误。"
        default: "处理请求时出错（\(status.code)）。"
        }
    }
}
