package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moselle.cin7.client.model.Branch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The pager without HTTP: a fake fetch function serving ids 1..n. */
class PagerTest {
    private final List<ListQuery> requests = new ArrayList<>();

    private List<Branch> serve(ListQuery q, long total) {
        requests.add(q);
        long start = q.isKeyset() ? q.afterId().getAsLong() : (long) (q.firstPage() - 1) * q.rows();
        return LongStream.rangeClosed(start + 1, Math.min(total, start + q.rows()))
                .mapToObj(id -> Branch.builder().id(id).build())
                .collect(Collectors.toList());
    }

    private Pager<Branch> pager(ListQuery q, long total) {
        return new Pager<>(q, query -> serve(query, total), Branch::id);
    }

    @Test
    void fetchesNothingUntilIterated() {
        Pager<Branch> pager = pager(ListQuery.all(), 600);
        assertThat(requests).isEmpty();
        Iterator<Branch> it = pager.iterator();
        it.next();
        assertThat(requests).hasSize(1);
        for (int i = 1; i < 250; i++) {
            it.next();
        }
        assertThat(requests).hasSize(1);
        it.next();
        assertThat(requests).hasSize(2);
    }

    @Test
    void pagesByNumberUntilAShortPage() {
        List<Page<Branch>> pages = new ArrayList<>();
        pager(ListQuery.all(), 600).pages().forEach(pages::add);
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(250, 250, 100);
        assertThat(pages).extracting(Page::number).containsExactly(1, 2, 3);
        assertThat(requests).extracting(ListQuery::firstPage).containsExactly(1, 2, 3);
        assertThat(pages.get(2).isLast()).isTrue();
    }

    @Test
    void pagesByKeysetFromTheLastIdSeen() {
        List<Long> ids = pager(ListQuery.builder().afterId(0).build(), 520).stream().map(Branch::id).collect(Collectors.toList());
        assertThat(ids).hasSize(520).startsWith(1L).endsWith(520L);
        assertThat(requests).extracting(q -> q.afterId().getAsLong()).containsExactly(0L, 250L, 500L);
    }

    @Test
    void eachIterationStartsAgain() {
        Pager<Branch> pager = pager(ListQuery.all(), 3);
        assertThat(pager.stream().count()).isEqualTo(3);
        assertThat(pager.stream().count()).isEqualTo(3);
        assertThat(requests).hasSize(2);
    }

    @Test
    void keysetNeedsIds() {
        assertThatThrownBy(() -> new Pager<Branch>(ListQuery.builder().afterId(0).build(), q -> List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no id");
    }
}
