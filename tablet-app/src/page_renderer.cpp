#include "tablet-app/src/page_renderer.h"

#include <QPointer>

#include "shared/pdf/pdf_view.h"

namespace room::tablet {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QVariantList sizesOf(const pdf::ViewDocument& doc) {
    QVariantList sizes;
    for (int i = 0; i < doc.pageCount(); ++i) sizes.push_back(QVariantList{doc.pageSize(i).width, doc.pageSize(i).height});
    return sizes;
}

/// One page image on its way: finished exactly once, with the image or an error.
class PageResponse : public QQuickImageResponse {
    Q_OBJECT
public:
    PageResponse() : m_cancelled(std::make_shared<std::atomic<bool>>(false)) {}
    std::shared_ptr<std::atomic<bool>> cancelFlag() const { return m_cancelled; }

    QQuickTextureFactory* textureFactory() const override {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }
    // The engine keeps the response until finished() is emitted, also after cancel(), so the
    // render thread can always deliver to it.
    void cancel() override { m_cancelled->store(true); }

    Q_INVOKABLE void deliver(const QImage& image, const QString& error) {
        m_image = image;
        m_error = error;
        emit finished();
    }

private:
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QImage m_image;
    QString m_error;
};

} // namespace

PageRenderer::PageRenderer() = default;
PageRenderer::~PageRenderer() = default;

void PageRenderer::openDocument(const QString& id, const QByteArray& bytes) {
    auto it = m_documents.find(id);
    if (it == m_documents.end()) {
        auto doc = pdf::ViewDocument::open(bytes.toStdString());
        if (!doc) {
            emit failed(id, q(doc.error().message), q(doc.error().messageVi));
            return;
        }
        it = m_documents.emplace(id, std::move(*doc)).first;
    }
    emit opened(id, it->second->pageCount(), sizesOf(*it->second));
}

void PageRenderer::closeAll() { m_documents.clear(); }

void PageRenderer::render(const QString& id, int page, int widthPx, std::shared_ptr<std::atomic<bool>> cancelled,
                          QObject* receiver) {
    QImage image;
    QString error;
    auto it = m_documents.find(id);
    if (it == m_documents.end()) {
        error = QStringLiteral("the document is not open");
    } else {
        const float pageWidth = it->second->pageSize(page).width;
        const float scale = pageWidth > 0 ? static_cast<float>(widthPx) / pageWidth : 0.0f;
        auto bitmap = it->second->render(page, scale, cancelled.get());
        if (bitmap) {
            // The image takes over the bitmap's pixels (no copy of a page-sized buffer).
            auto* pixels = new std::vector<unsigned char>(std::move(bitmap->pixels));
            image = QImage(
                pixels->data(), bitmap->width, bitmap->height, bitmap->stride, QImage::Format_RGB888,
                [](void* p) { delete static_cast<std::vector<unsigned char>*>(p); }, pixels);
        } else {
            error = q(bitmap.error().message);
        }
    }
    QMetaObject::invokeMethod(receiver, "deliver", Qt::QueuedConnection, Q_ARG(QImage, image), Q_ARG(QString, error));
}

void PageRenderer::search(const QString& id, const QString& text) {
    QVariantList out;
    auto it = m_documents.find(id);
    if (it != m_documents.end() && !text.trimmed().isEmpty()) {
        auto hits = it->second->search(text.trimmed().toStdString());
        if (hits) {
            for (const auto& hit : *hits) {
                QVariantList rects;
                for (const auto& r : hit.rects) rects.push_back(QVariantList{r[0], r[1], r[2], r[3]});
                out.push_back(QVariantMap{{"page", hit.page}, {"rects", rects}});
            }
        }
    }
    emit searched(id, text, out);
}

QQuickImageResponse* PageImageProvider::requestImageResponse(const QString& id, const QSize&) {
    auto* response = new PageResponse();
    const QStringList parts = id.split(QLatin1Char('/'));
    bool pageOk = false, widthOk = false;
    const int page = parts.value(1).toInt(&pageOk);
    const int width = parts.value(2).toInt(&widthOk);
    if (parts.size() != 3 || !pageOk || !widthOk || width <= 0 || width > 8000) {
        QMetaObject::invokeMethod(response, "deliver", Qt::QueuedConnection, Q_ARG(QImage, QImage()),
                                  Q_ARG(QString, QStringLiteral("bad page address")));
        return response;
    }
    auto flag = response->cancelFlag();
    const QString doc = parts[0];
    QPointer<PageRenderer> renderer(m_renderer);
    QMetaObject::invokeMethod(
        m_renderer, [renderer, doc, page, width, flag, response] {
            if (renderer) renderer->render(doc, page, width, flag, response);
        },
        Qt::QueuedConnection);
    return response;
}

} // namespace room::tablet

#include "page_renderer.moc"
