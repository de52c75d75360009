// The render thread of the document viewer: opened documents, page images, thumbnails, search.
#pragma once

#include <QImage>
#include <QObject>
#include <QQuickAsyncImageProvider>
#include <QThread>
#include <QVariantList>

#include <atomic>
#include <map>
#include <memory>
#include <string>

namespace room::pdf {
class ViewDocument;
}

namespace room::tablet {

/// Lives on its own thread and owns the open documents; MuPDF never runs on the UI thread.
/// Requests arrive as queued calls; results go back as signals (or straight to an image response).
class PageRenderer : public QObject {
    Q_OBJECT
public:
    PageRenderer();
    ~PageRenderer() override;

    /// Opens the bytes of document `id` (already verified against their SHA-256).
    Q_INVOKABLE void openDocument(const QString& id, const QByteArray& bytes);
    Q_INVOKABLE void closeAll();
    /// Renders `page` (0-based) `widthPx` wide unless `cancelled` is set by then; hands the image
    /// (null on error) to `deliver(QImage, QString)` of `receiver` with a queued call.
    void render(const QString& id, int page, int widthPx, std::shared_ptr<std::atomic<bool>> cancelled,
                QObject* receiver);
    Q_INVOKABLE void search(const QString& id, const QString& text);

signals:
    /// `sizes` holds {width, height} in points per page.
    void opened(const QString& id, int pages, const QVariantList& sizes);
    void failed(const QString& id, const QString& message, const QString& messageVi);
    /// hits: [{page, rects: [[x0, y0, x1, y1], …]}] in points from the page's top-left corner.
    void searched(const QString& id, const QString& text, const QVariantList& hits);

private:
    std::map<QString, std::unique_ptr<pdf::ViewDocument>> m_documents;
};

/// Page images for QML: `image://pages/<document id>/<page>/<width in pixels>`. The width is part
/// of the address, so a zoomed page is rendered sharp at its new size instead of scaled up.
class PageImageProvider : public QQuickAsyncImageProvider {
public:
    explicit PageImageProvider(PageRenderer* renderer) : m_renderer(renderer) {}
    QQuickImageResponse* requestImageResponse(const QString& id, const QSize& requestedSize) override;

private:
    PageRenderer* m_renderer;
};

} // namespace room::tablet
