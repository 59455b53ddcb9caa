package io.moselle.cin7.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void formatsDatesAsUtcSecondsQuoted() {
        Instant from = Instant.parse("2024-01-01T10:15:30.987654321Z");
        assertThat(Where.field("modifiedDate").atLeast(from).toString())
                .isEqualTo("modifiedDate>='2024-01-01T10:15:30Z'");
        assertThat(Where.field("modifiedDate").before(Instant.parse("2024-02-01T00:00:00Z")).toString())
                .isEqualTo("modifiedDate<'2024-02-01T00:00:00Z'");
    }

    @Test
    void joinsWithAnd() {
        Where w = Where.field("modifiedDate").atLeast(Instant.parse("2024-01-01T00:00:00Z"))
                .and(Where.field("modifiedDate").before(Instant.parse("2024-02-01T00:00:00Z")))
                .and(Where.field("id").greaterThan(1234));
        assertThat(w.toString()).isEqualTo(
                "modifiedDate>='2024-01-01T00:00:00Z' AND modifiedDate<'2024-02-01T00:00:00Z' AND id>1234");
    }

    @Test
    void rendersEveryOperator() {
        assertThat(Where.field("status").eq("Void").toString()).isEqualTo("status='Void'");
        assertThat(Where.field("branchId").eq(3).toString()).isEqualTo("branchId=3");
        assertThat(Where.field("stage").notEq("New").toString()).isEqualTo("stage<>'New'");
        assertThat(Where.field("id").notEq(3).toString()).isEqualTo("id<>3");
        assertThat(Where.field("id").atLeast(3).toString()).isEqualTo("id>=3");
        assertThat(Where.field("id").lessThan(3).toString()).isEqualTo("id<3");
        assertThat(Where.field("id").atMost(3).toString()).isEqualTo("id<=3");
        assertThat(Where.field("qty").greaterThan(new BigDecimal("1.50")).toString()).isEqualTo("qty>1.50");
        assertThat(Where.field("modifiedDate").after(Instant.EPOCH).toString()).isEqualTo("modifiedDate>'1970-01-01T00:00:00Z'");
        assertThat(Where.field("modifiedDate").atMost(Instant.EPOCH).toString()).isEqualTo("modifiedDate<='1970-01-01T00:00:00Z'");
        assertThat(Where.field("id").in(1, 2).toString()).isEqualTo("id IN (1,2)");
        assertThat(Where.field("stage").in(List.of("Dispatched", "Fully Dispatched")).toString())
                .isEqualTo("stage IN ('Dispatched','Fully Dispatched')");
    }

    @Test
    void escapesQuotesSoNoValueCanChangeTheClause() {
        String hostile = "x' OR 1=1 OR stage='";
        assertThat(Where.field("reference").eq(hostile).toString())
                .isEqualTo("reference='x'' OR 1=1 OR stage='''");
        assertThat(Where.field("stage").in(List.of("it's")).toString()).isEqualTo("stage IN ('it''s')");
    }

    @Test
    void refusesFieldNamesThatAreNotIdentifiers() {
        assertThatThrownBy(() -> Where.field("id>0 OR id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain identifier");
        assertThatThrownBy(() -> Where.field("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.asc("id; drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Where.field("id").in()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersAreExplicit() {
        assertThat(Order.asc("id").toString()).isEqualTo("id ASC");
        assertThat(Order.desc("modifiedDate").thenAsc("id").toString()).isEqualTo("modifiedDate DESC, id ASC");
    }

    @Test
    void listQueryValidatesAtOnce() {
        assertThatThrownBy(() -> ListQuery.builder().rows(251)).hasMessageContaining("rows must be between 1 and 250");
        assertThatThrownBy(() -> ListQuery.builder().rows(0)).hasMessageContaining("rows");
        assertThatThrownBy(() -> ListQuery.builder().firstPage(0)).hasMessageContaining("firstPage");
        assertThatThrownBy(() -> ListQuery.builder().fields("id", "a,b")).hasMessageContaining("fields");
        assertThatThrownBy(() -> ListQuery.builder().afterId(0).order(Order.asc("reference")).build())
                .hasMessageContaining("keyset");
        assertThat(ListQuery.all().rows()).isEqualTo(250);
    }
}
