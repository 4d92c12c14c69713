import Foundation
import OnegoServer
import OnegoTestSupport
import Testing

/// Remote access (`--allow-remote --password-file`): the password is asked with HTTP Basic authentication, and
/// `onego serve` refuses a non-loopback `--host` without both options.
@Suite(.serialized) struct RemoteAccessTests {
    func basic(_ user: String, _ password: String) -> (String, String) {
        ("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
    }

    @Test func asksForThePasswordWithBasicAuthentication() async throws {
        try await RunningWorkbench.with(isPassword: true) { client in
            let none = try await client.send("GET", "/")
            #expect(none.status == 401)
            #expect(none.header("WWW-Authenticate")?.hasPrefix("Basic realm=\"onego\"") == true)
            #expect(none.body.contains("需要口令"))
            let wrong = try await client.send("GET", "/", headers: [basic("科员", "not-the-password-at-all")])
            #expect(wrong.status == 401)
            let right = try await client.send("GET", "/", headers: [basic("科员", RunningWorkbench.token.value)])
            #expect(right.status == 200)
            #expect(right.body.contains("政务服务事项目录工作台"))
        }
    }

    @Test func basicAuthenticationIsNotAcceptedForTheRandomToken() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send("GET", "/", headers: [basic("x", RunningWorkbench.token.value)])
            #expect(reply.status == 401)
            #expect(reply.header("WWW-Authenticate") == nil)
        }
    }

    @Test func refusesARemoteHostWithoutAllowRemoteAndAPasswordFile() throws {
        let bare = try Fixtures.runOnego(["serve", "Catalogs/yunxi", "--host", "0.0.0.0"])
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("拒绝在 0.0.0.0 上监听"))
        let noPassword = try Fixtures.runOnego(["serve", "Catalogs/yunxi", "--host", "192.168.1.20", "--allow-remote"])
        #expect(noPassword.status == 64)
        #expect(noPassword.stderr.contains("--password-file"))
        let folder = try Fixtures.temporaryDirectory()
        let short = try Fixtures.write("short\n", to: "password.txt", in: folder)
        let weak = try Fixtures.runOnego([
            "serve", "Catalogs/yunxi", "--host", "127.0.0.2", "--allow-remote", "--password-file", short, "--port", "0",
        ])
        #expect(weak.status != 0)
        #expect(weak.stderr.contains("至少 16 个字符"))
    }
}
