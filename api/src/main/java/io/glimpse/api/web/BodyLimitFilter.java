package io.glimpse.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds request bodies before anything reads them, so that a client cannot make the server hold
 * a body of any size: a declared {@code Content-Length} over the limit is answered 413 at once,
 * without reading; a body without one (chunked) is read through a stream that stops at the limit.
 * The sign-in and sign-up endpoints, open to anyone, get the small limit whatever the content type;
 * elsewhere multipart uploads are left to the multipart limits, which stream files to disk.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    /** Glimpse's and the Mastodon API's endpoints that take credentials or make accounts. */
    static final RequestMatcher AUTH = new OrRequestMatcher(PATHS.matcher("/api/auth/**"), PATHS.matcher("/oauth/**"),
            PATHS.matcher("/api/v1/accounts"), PATHS.matcher("/api/v1/apps"));

    private final long authLimit;
    private final long limit;
    private final HandlerExceptionResolver problems;

    BodyLimitFilter(BodyLimitProperties properties, HandlerExceptionResolver problems) {
        this.authLimit = properties.authBody().toBytes();
        this.limit = properties.body().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max;
        if (AUTH.matches(request)) {
            max = authLimit;
        } else if (isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        } else {
            max = limit;
        }
        if (request.getContentLengthLong() > max) {
            refuse(request, response, max);
            return;
        }
        chain.doFilter(new LimitedRequest(request, max), response);
    }

    /**
     * Answers 413 at once, with a length, and sends it before Tomcat reads on: a client that
     * watches for an early answer stops sending. Tomcat then reads and discards what still comes
     * (no more than {@code server.tomcat.max-swallow-size}, in a small buffer) and closes.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        answer.setHeader(HttpHeaders.CONNECTION, "close");
        problems.resolveException(request, answer, null, new PayloadTooLargeException(max));
        answer.copyBodyToResponse();
        response.flushBuffer();
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }

    /** A request whose body reads as a stream that fails once it has given {@code max} bytes. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long max;
        private long read;

        LimitedStream(ServletInputStream body, long max) {
            this.body = body;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws PayloadTooLargeException {
            read += bytes;
            if (read > max) {
                throw new PayloadTooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
